package com.loanflow.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The channel's daily statement file, parsed: one row per request the channel accepted that day. */
record ChannelStatement(String sha256, List<Row> rows) {

    static final String COLUMNS = "request_id,type,amount,currency,status,channel_transaction_id,card_last4,accepted_at";

    record Row(String requestId, String type, BigDecimal amount, String status, String channelTxnId, String cardLast4) {

        String masked() {
            return type + " " + amount.toPlainString() + " CNY " + status + " card ****" + cardLast4 + " txn "
                    + channelTxnId;
        }
    }

    /** Strict: a header that does not announce its row count, or a malformed row, refuses the whole file. */
    static ChannelStatement parse(String sha256, String csv) {
        String[] lines = csv.split("\n");
        if (lines.length < 2 || !lines[0].startsWith("# ") || !lines[1].equals(COLUMNS)) {
            throw new IllegalArgumentException("not a channel statement: unexpected header");
        }
        if (!lines[0].matches(".* rows=\\d{1,9}\\b.*")) {
            throw new IllegalArgumentException("not a channel statement: the header does not announce its rows");
        }
        int announced = Integer.parseInt(lines[0].replaceAll(".* rows=(\\d+).*", "$1"));
        List<Row> rows = new ArrayList<>();
        for (int n = 2; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] f = lines[n].split(",", -1);
            // card_last4 goes into mismatch records and process variables: four digits, never more of the number
            if (f.length != 8 || !"CNY".equals(f[3]) || !f[2].matches("\\d{1,9}\\.\\d{2}")
                    || !f[6].matches("\\d{4}")) {
                throw new IllegalArgumentException("malformed statement line " + (n + 1));
            }
            rows.add(new Row(f[0], f[1], new BigDecimal(f[2]), f[4], f[5], f[6]));
        }
        if (rows.size() != announced) {
            throw new IllegalArgumentException("statement announces " + announced + " rows but has " + rows.size());
        }
        return new ChannelStatement(sha256, List.copyOf(rows));
    }
}
