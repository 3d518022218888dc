package com.loanflow.workers.identity.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes docs/walkthrough/identity-*.json, the identity-submission bodies for the six sandbox identities, and the
 * same images as PNG files (NAME-id-front.png, NAME-selfie.png) for the browser walkthrough: an
 * ID card front and a selfie (seed = idNumber.hashCode()) rendered by {@link SandboxIdCard}.
 * Run: {@code java -cp workers/target/classes:<deps> com.loanflow.workers.identity.sandbox.WalkthroughFiles [dir]}.
 */
public final class WalkthroughFiles {

    static final String ADDRESS = "北京市东城区示例路1号";
    static final Map<String, String> FILE_NAMES = Map.of(
            "张三", "zhangsan", "李四", "lisi", "王五", "wangwu", "赵六", "zhaoliu", "钱七", "qianqi", "孙八", "sunba");

    private WalkthroughFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/walkthrough");
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (SandboxIdentities.Identity identity : SandboxIdentities.ALL) {
            Path file = dir.resolve("identity-" + FILE_NAMES.get(identity.name()) + ".json");
            Map<String, String> body = body(identity);
            json.writeValue(file.toFile(), body);
            System.out.println("wrote " + file);
            // the same two images as files, for the browser walkthrough's upload fields
            for (String image : new String[] {"idCardFrontImage", "selfieImage"}) {
                Path png = dir.resolve(FILE_NAMES.get(identity.name()) + (image.startsWith("id") ? "-id-front" : "-selfie") + ".png");
                Files.write(png, Base64.getDecoder().decode(body.get(image)));
                System.out.println("wrote " + png);
            }
        }
    }

    static Map<String, String> body(SandboxIdentities.Identity identity) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", identity.name());
        body.put("idNumber", identity.idNumber());
        body.put("idCardFrontImage", Base64.getEncoder().encodeToString(
                SandboxIdCard.renderFront(identity.name(), identity.idNumber(), ADDRESS)));
        body.put("selfieImage", Base64.getEncoder().encodeToString(
                SandboxIdCard.renderSelfie(identity.idNumber().hashCode())));
        return body;
    }
}
