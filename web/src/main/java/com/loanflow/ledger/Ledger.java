package com.loanflow.ledger;

import com.loanflow.shared.Ids;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Posts journal entries inside the caller's transaction, so an entry commits or rolls back with its state change. */
@Service
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final LedgerMapper mapper;

    Ledger(LedgerMapper mapper) {
        this.mapper = mapper;
    }

    /** Returns false when an entry with this business key exists already (a repeated event posts nothing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(JournalEntry entry) {
        requireBalanced(entry);
        String entryId = Ids.newId();
        try {
            mapper.insertEntry(entryId, entry);
        } catch (DuplicateKeyException alreadyPosted) {
            log.info("Journal entry {} already posted", entry.businessKey());
            return false;
        }
        for (JournalLine line : entry.lines()) {
            mapper.insertLine(Ids.newId(), entryId, line);
        }
        return true;
    }

    public List<JournalLine> lines(String businessKey) {
        return mapper.findLines(businessKey);
    }

    static void requireBalanced(JournalEntry entry) {
        if (entry.lines().size() < 2) {
            throw new UnbalancedEntryException(entry.businessKey() + " needs at least one debit and one credit");
        }
        for (JournalLine line : entry.lines()) {
            if (line.amount().signum() <= 0 || line.amount().scale() > 2) {
                throw new UnbalancedEntryException(entry.businessKey() + " has an invalid amount " + line.amount());
            }
        }
        var debits = entry.total(JournalLine.Side.DEBIT);
        var credits = entry.total(JournalLine.Side.CREDIT);
        if (debits.compareTo(credits) != 0) {
            throw new UnbalancedEntryException(entry.businessKey() + " debits " + debits + " != credits " + credits);
        }
    }
}
