package com.loanflow.shared.crypto;

import com.loanflow.shared.FieldCipher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key rotation without downtime: a new data key version becomes ACTIVE for new writes, then every encrypted
 * column is re-encrypted row by row (re-read, decrypted with its version, encrypted with the new one, updated only
 * if the ciphertext is unchanged). Older versions are RETIRED after a full pass finds no row using them.
 */
public class DataKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRotation.class);

    private final DataKeyRing ring;
    private final AesGcmFieldCipher cipher;
    private final EncryptedRows rows;
    private final KeyTables tables;
    private final CryptoProperties.Rotation config;
    private final MasterKeys masterKeys;

    public DataKeyRotation(DataKeyRing ring, AesGcmFieldCipher cipher, EncryptedRows rows, KeyTables tables,
                           CryptoProperties.Rotation config, MasterKeys masterKeys) {
        this.ring = ring;
        this.masterKeys = masterKeys;
        this.cipher = cipher;
        this.rows = rows;
        this.tables = tables;
        this.config = config;
    }

    public RotationReport rotate() {
        if (masterKeys.labels().size() > 1) {
            // a new data key would be wrapped by the new master key, which nodes not yet restarted cannot open
            throw new IllegalStateException("A master-key rotation is under way (master keys " + masterKeys.labels()
                    + "): finish it (MasterKeyRewrapCommand, then drop previous-labels) before rotating data keys");
        }
        int target = ring.createVersion();
        log.info("Data key v{} is active for new writes; waiting {} for other nodes to pick it up", target, config.grace());
        pause(config.grace());
        return reEncryptTo(target);
    }

    /** Also finishes an interrupted rotation: {@code reEncryptTo(ring.activeVersion())}. */
    public RotationReport reEncryptTo(int target) {
        Map<EncryptedColumn, Long> reEncrypted = new EnumMap<>(EncryptedColumn.class);
        long conflicts = 0;
        long stale;
        int passes = 0;
        do {
            passes++;
            long[] found = {0, 0};
            for (EncryptedColumn column : EncryptedColumn.values()) {
                reEncrypted.merge(column, reEncryptColumn(column, target, found), Long::sum);
            }
            stale = found[0];
            conflicts += found[1];
            log.info("Rotation pass {}: {} values on older keys, {} changed meanwhile", passes, stale, found[1]);
        } while (stale > 0 && passes < config.maxPasses());
        List<Integer> retired = stale == 0 ? retireOlderThan(target) : List.of();
        RotationReport report = new RotationReport(target, reEncrypted, conflicts, passes, stale, retired);
        log.info("Rotation to v{}: {} values re-encrypted in {} passes, retired {}", target,
                report.totalReEncrypted(), passes, retired);
        return report;
    }

    /** Returns the values re-encrypted; adds to found[0] values on older keys and found[1] lost updates. */
    private long reEncryptColumn(EncryptedColumn column, int target, long[] found) {
        long done = 0;
        String after = null;
        for (List<String> ids = rows.ids(column, null, config.batchSize()); !ids.isEmpty();
             ids = rows.ids(column, after, config.batchSize())) {
            for (String id : ids) {
                String stored = rows.read(column, id);
                if (stored == null || versionOf(column, stored) == target) {
                    continue;
                }
                found[0]++;
                if (rows.replace(column, id, stored, reEncrypt(column, id, stored))) {
                    done++;
                } else {
                    found[1]++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
        return done;
    }

    private int versionOf(EncryptedColumn column, String stored) {
        return column.binary ? cipher.versionOf(Base64.getDecoder().decode(stored)) : VersionPrefix.parse(stored).version();
    }

    /** Encrypts with the ring's active version, which is the target (or a newer one from a later rotation). */
    private String reEncrypt(EncryptedColumn column, String id, String stored) {
        String context = FieldCipher.context(column.table, column.contextColumn, id);
        if (!column.binary) {
            return cipher.encrypt(cipher.decrypt(stored, context), context);
        }
        byte[] plain = cipher.decryptBytes(Base64.getDecoder().decode(stored), context);
        return Base64.getEncoder().encodeToString(cipher.encryptBytes(plain, context));
    }

    private List<Integer> retireOlderThan(int target) {
        List<Integer> retired = new ArrayList<>();
        for (WrappedKey key : ring.versions()) {
            if (key.version() < target && key.state() == DataKeyState.ACTIVE && tables.retire(key.version())) {
                retired.add(key.version());
            }
        }
        return retired;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rotation interrupted before re-encryption", e);
        }
    }
}
