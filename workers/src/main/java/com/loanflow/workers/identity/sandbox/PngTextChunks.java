package com.loanflow.workers.identity.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads and writes PNG text chunks (tEXt, iTXt). The sandbox providers carry their "recognised" fields in such a
 * chunk, so the OCR and liveness fakes parse a real image file instead of trusting the caller.
 */
public final class PngTextChunks {

    /** Uploads are capped by the platform well below this; a bigger file is not an ID photo. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngTextChunks() {
    }

    /** Why an image was refused: the message is safe to log (it never quotes the image's content). */
    public static class NotAPng extends Exception {
        NotAPng(String message) {
            super(message);
        }
    }

    /** Inserts an uncompressed iTXt chunk (UTF-8 text) right after IHDR. */
    public static byte[] withText(byte[] png, String keyword, String text) {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, text
        ByteBuffer data = ByteBuffer.allocate(key.length + 5 + value.length)
                .put(key).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put(value);
        int afterHeader = SIGNATURE.length + 8 + 13 + 4; // IHDR is always first and 13 bytes long
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + data.capacity() + 12);
        out.write(png, 0, afterHeader);
        writeChunk(out, "iTXt", data.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** The text chunks of a PNG, keyword → text, after checking the signature, every CRC and the size limit. */
    public static Map<String, String> read(byte[] file) throws NotAPng {
        if (file == null || file.length > MAX_BYTES) {
            throw new NotAPng("image missing or larger than " + MAX_BYTES + " bytes");
        }
        if (file.length < SIGNATURE.length || !Arrays.equals(Arrays.copyOf(file, SIGNATURE.length), SIGNATURE)) {
            throw new NotAPng("not a PNG file");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(file, SIGNATURE.length, file.length - SIGNATURE.length);
        boolean first = true;
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) {
                throw new NotAPng("truncated chunk");
            }
            byte[] typeAndData = new byte[4 + length];
            in.get(typeAndData);
            if (crc(typeAndData) != Integer.toUnsignedLong(in.getInt())) {
                throw new NotAPng("chunk CRC mismatch");
            }
            String type = new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1);
            byte[] data = Arrays.copyOfRange(typeAndData, 4, typeAndData.length);
            if (first && !type.equals("IHDR")) {
                throw new NotAPng("first chunk is not IHDR");
            }
            first = false;
            switch (type) {
                case "tEXt" -> text(data).ifPresent(e -> texts.put(e.getKey(), e.getValue()));
                case "iTXt" -> internationalText(data).ifPresent(e -> texts.put(e.getKey(), e.getValue()));
                case "IEND" -> {
                    return texts;
                }
                default -> { }
            }
        }
        throw new NotAPng("no IEND chunk");
    }

    private static Optional<Map.Entry<String, String>> text(byte[] data) {
        int zero = indexOf(data, 0);
        if (zero < 0) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(new String(data, 0, zero, StandardCharsets.ISO_8859_1),
                new String(data, zero + 1, data.length - zero - 1, StandardCharsets.ISO_8859_1)));
    }

    private static Optional<Map.Entry<String, String>> internationalText(byte[] data) throws NotAPng {
        int keyEnd = indexOf(data, 0);
        if (keyEnd < 0 || keyEnd + 3 > data.length) {
            return Optional.empty();
        }
        boolean compressed = data[keyEnd + 1] == 1;
        int languageEnd = indexOf(data, keyEnd + 3);
        int translatedEnd = languageEnd < 0 ? -1 : indexOf(data, languageEnd + 1);
        if (translatedEnd < 0) {
            return Optional.empty();
        }
        byte[] text = Arrays.copyOfRange(data, translatedEnd + 1, data.length);
        return Optional.of(Map.entry(new String(data, 0, keyEnd, StandardCharsets.ISO_8859_1),
                new String(compressed ? inflate(text) : text, StandardCharsets.UTF_8)));
    }

    private static byte[] inflate(byte[] compressed) throws NotAPng {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new NotAPng("corrupt compressed text");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new NotAPng("compressed text too large");
                }
            }
        } catch (DataFormatException e) {
            throw new NotAPng("corrupt compressed text");
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeAndData = ByteBuffer.allocate(4 + data.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data).array();
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc(typeAndData)).array());
    }

    private static long crc(byte[] typeAndData) {
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return crc.getValue();
    }
}
