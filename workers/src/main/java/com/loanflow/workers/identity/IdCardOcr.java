package com.loanflow.workers.identity;

import com.loanflow.workers.platform.Masked;
import java.util.Optional;

/** Reads the fields printed on an ID card front; empty when the image cannot be read as an ID card. */
public interface IdCardOcr {

    Optional<Fields> read(byte[] image);

    record Fields(String name, String idNumber, String address, String issuedBy, String validUntil) {
        @Override
        public String toString() {
            return "Fields[name=" + Masked.name(name) + ", idNumber=" + Masked.idNumber(idNumber) + "]";
        }
    }
}
