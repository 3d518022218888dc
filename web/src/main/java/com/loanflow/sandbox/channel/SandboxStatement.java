package com.loanflow.sandbox.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The statement file format: a header line naming merchant, date and row count, the column line, one line per
 * accepted request. No personal data beyond the card's last four digits.
 */
final class SandboxStatement {

    static final String COLUMNS = "request_id,type,amount,currency,status,channel_transaction_id,card_last4,accepted_at";

    private SandboxStatement() {
    }

    static byte[] csv(String merchantId, LocalDate day, List<SandboxPayout> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append("# loanflow-sandbox-channel statement merchant=").append(merchantId).append(" date=").append(day)
                .append(" rows=").append(rows.size()).append('\n');
        csv.append(COLUMNS).append('\n');
        for (SandboxPayout row : rows) {
            csv.append(row.requestId()).append(',').append(row.kind()).append(',').append(row.amount().toPlainString())
                    .append(",CNY,").append(row.result().get("status")).append(',').append(row.channelTxnId())
                    .append(',').append(row.cardLast4()).append(',').append(row.acceptedAt()).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
