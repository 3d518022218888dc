package com.loanflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.shared.FieldCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sandbox channel's documented test cards for duplicate and out-of-order callbacks, driven through the real
 * channel (signed request, signed asynchronous callbacks): the payout still changes state once and posts once.
 */
@PlatformTest
class ChannelTestCardsTest {

    static final String TRIPLICATED_CALLBACK_CARD = "6217000000000105";
    static final String STALE_PROCESSING_CARD = "6217000000000204";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Disbursements disbursements;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void threeCopiesOfTheSameCallbackChangeThePayoutOnceAndPostOnce() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "900.00", TRIPLICATED_CALLBACK_CARD);
        var order = disbursements.request(application.applicationId);

        assertThat(DisbursingApplication.sendPayout(http, port, order.requestId(), "900.00", TRIPLICATED_CALLBACK_CARD)
                .statusCode()).isEqualTo(200);
        DisbursingApplication.await("three answered deliveries", () -> answered(order.requestId()) == 3);

        JsonNode deliveries = deliveries(order.requestId());
        assertThat(deliveries.findValuesAsText("status")).containsOnly("SUCCEEDED");
        assertThat(deliveries.findValuesAsText("merchantAnswer")).filteredOn(a -> a.contains("APPLIED")).hasSize(1);
        assertThat(deliveries.findValuesAsText("merchantAnswer")).filteredOn(a -> a.contains("DUPLICATE")).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT version FROM disbursement WHERE id = ?", Integer.class,
                order.disbursementId())).as("one state change").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_callback WHERE request_id = ?", Integer.class,
                order.requestId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "DISBURSEMENT:" + order.disbursementId())).isEqualTo(1);
        application.awaitLoanId();
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aStaleProcessingCallbackArrivingAfterSuccessDoesNotRegressThePayout() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "800.00", STALE_PROCESSING_CARD);
        var order = disbursements.request(application.applicationId);

        assertThat(DisbursingApplication.sendPayout(http, port, order.requestId(), "800.00", STALE_PROCESSING_CARD)
                .statusCode()).isEqualTo(200);
        DisbursingApplication.await("the stale PROCESSING delivery", () -> deliveries(order.requestId())
                .findValuesAsText("status").contains("PROCESSING"));

        JsonNode deliveries = deliveries(order.requestId());
        assertThat(deliveries.findValuesAsText("status")).containsExactly("SUCCEEDED", "PROCESSING");
        assertThat(deliveries.get(1).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(deliveries.get(1).path("merchantAnswer").asText()).contains("IGNORED");
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT version FROM disbursement WHERE id = ?", Integer.class,
                order.disbursementId())).isEqualTo(1);
        assertThat(application.awaitLoanId()).isNotBlank();
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aProcessingCallbackBeforeTheResultIsAcknowledgedAndTheResultStillApplies() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00");
        var order = disbursements.request(application.applicationId);

        var processing = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "PROCESSING", null));
        var result = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null));

        assertThat(processing.statusCode()).isEqualTo(200);
        assertThat(processing.body()).contains("IGNORED");
        assertThat(result.body()).contains("APPLIED");
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).isEqualTo("SUCCEEDED");
    }

    private long answered(String requestId) {
        JsonNode deliveries = deliveries(requestId);
        long answered = 0;
        for (JsonNode delivery : deliveries) {
            if (delivery.path("httpStatus").asInt() == 200) {
                answered++;
            }
        }
        return answered;
    }

    private JsonNode deliveries(String requestId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/sandbox/channel/v1/deliveries/" + requestId)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
