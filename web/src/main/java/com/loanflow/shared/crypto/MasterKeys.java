package com.loanflow.shared.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's master keys: the current one, which wraps every new key, and previous ones still named in
 * {@code loanflow.crypto.master-key.previous-labels} while a master-key rotation is under way, which only unwrap keys
 * they wrapped before ({@link MasterKeyRewrap} moves those to the current key). Each wrapped key names its master key,
 * so the choice is looked up, never guessed.
 */
public final class MasterKeys {

    private final MasterKey current;
    private final Map<String, MasterKey> byLabel = new LinkedHashMap<>();

    public MasterKeys(MasterKey current, List<MasterKey> previous) {
        this.current = current;
        byLabel.put(current.label(), current);
        for (MasterKey key : previous) {
            if (byLabel.putIfAbsent(key.label(), key) != null) {
                throw new IllegalStateException("Master key " + key.label() + " is configured twice");
            }
        }
    }

    public static MasterKeys of(MasterKey current) {
        return new MasterKeys(current, List.of());
    }

    public MasterKey current() {
        return current;
    }

    /** The master key that wrapped a stored key, by the label stored beside it. */
    public MasterKey wrapping(String label, String what) {
        MasterKey key = byLabel.get(label);
        if (key == null) {
            throw new IllegalStateException(what + " is wrapped by " + label + " but this node's master keys are "
                    + labels() + " (during a master-key rotation, list the old one in "
                    + "loanflow.crypto.master-key.previous-labels)");
        }
        return key;
    }

    public List<String> labels() {
        return new ArrayList<>(byLabel.keySet());
    }
}
