package com.loanflow.borrower;

/** Image files made for tests of the identity checks. */
public final class TestImages {

    private TestImages() {
    }

    /** A PNG of nothing but its signature, an IHDR declaring width x height (8-bit RGB) and IEND. */
    public static byte[] pngHeader(int width, int height) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        for (Object[] chunk : new Object[][] {{"IHDR", ihdr}, {"IEND", new byte[0]}}) {
            byte[] type = ((String) chunk[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] data = (byte[]) chunk[1];
            var crc = new java.util.zip.CRC32();
            crc.update(type);
            crc.update(data);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
            out.writeBytes(type);
            out.writeBytes(data);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }
}
