package com.loanflow.workers.identity.sandbox;

import java.util.List;
import java.util.Optional;

/** The six documented sandbox identities (docs/architecture.md), as the sandbox registries know them. */
public final class SandboxIdentities {

    public record Identity(String name, String idNumber, String phone) {
    }

    public static final List<Identity> ALL = List.of(
            new Identity("张三", "110101199003070011", "13800000001"),
            new Identity("李四", "440306199208150030", "13800000002"),
            new Identity("王五", "310115198801010049", "13800000003"),
            new Identity("赵六", "510107199506200052", "13800000004"),
            new Identity("钱七", "330106197909090063", "13800000005"),
            // clean like 张三, for the browser walkthrough and its test, so it can run beside the API one
            new Identity("孙八", "110105199305120016", "13800000006"));

    private SandboxIdentities() {
    }

    public static Optional<Identity> byIdNumber(String idNumber) {
        return ALL.stream().filter(i -> i.idNumber().equals(idNumber)).findFirst();
    }
}
