package com.loanflow.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.shared.ApiException;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** An identity image is checked down to its pixels when it is given, not first by the workers' OCR. */
class IdentityImageCheckTest {

    @Test
    void aRenderedCardAndSelfiePassAndTheirBytesAreKept() {
        byte[] front = SandboxIdCard.renderFront("测试", "110101199003078515", "北京市");
        assertThat(Borrowers.image("idCardFrontImage", Base64.getEncoder().encodeToString(front))).isEqualTo(front);
        byte[] selfie = SandboxIdCard.renderSelfie(11);
        assertThat(Borrowers.image("selfieImage", Base64.getEncoder().encodeToString(selfie))).isEqualTo(selfie);
    }

    @Test
    void anImageCutShortOrWithoutPixelDataIsAFieldError() {
        byte[] front = SandboxIdCard.renderFront("测试", "110101199003078515", "北京市");
        byte[] cut = Arrays.copyOf(front, front.length / 2);   // header intact, half the image data gone
        for (byte[] broken : new byte[][] {cut, TestImages.pngHeader(800, 600)}) {
            assertThatThrownBy(() -> Borrowers.image("selfieImage", Base64.getEncoder().encodeToString(broken)))
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).toError().fieldErrors().get(0).field())
                            .isEqualTo("selfieImage"))
                    .satisfies(e -> assertThat(((ApiException) e).toError().fieldErrors().get(0).message())
                            .contains("pixel data"));
        }
    }
}
