package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The device object: validated field by field, and fields we do not collect are caught, not silently dropped. */
class ClientDeviceTest {

    // as configured platform-wide by Spring Boot: unknown properties would otherwise be ignored
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aWellFormedDeviceIsValid() throws Exception {
        ClientDevice device = json.readValue("""
                {"deviceId":"a1b2c3d4-e5f6-7788","platform":"ANDROID","appVersion":"3.12.0"}""", ClientDevice.class);
        assertThat(validator.validate(device)).isEmpty();
        assertThat(UnexpectedFields.of("device.", device.unexpectedFields())).isEmpty();
    }

    @Test
    void badValuesAreReportedPerField() {
        Set<String> fields = violations(new ClientDevice("short", "SYMBIAN", "v1"));
        assertThat(fields).containsExactlyInAnyOrder("deviceId", "platform", "appVersion");
        assertThat(violations(new ClientDevice(null, null, null))).containsExactlyInAnyOrder("deviceId", "platform");
    }

    @Test
    void fieldsThePlatformDoesNotCollectAreNamedInTheErrors() throws Exception {
        ClientDevice device = json.readValue("""
                {"deviceId":"a1b2c3d4-e5f6-7788","platform":"IOS","installedApps":["wechat"],"contacts":[]}""",
                ClientDevice.class);
        assertThat(UnexpectedFields.of("device.", device.unexpectedFields()))
                .extracting(e -> e.field()).containsExactly("device.contacts", "device.installedApps");
    }

    private Set<String> violations(ClientDevice device) {
        return validator.validate(device).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }
}
