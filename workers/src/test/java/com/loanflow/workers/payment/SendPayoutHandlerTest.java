package com.loanflow.workers.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.TestProperties;
import com.loanflow.workers.platform.FakePlatform;
import com.loanflow.workers.platform.TaskFailures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

class SendPayoutHandlerTest {

    private static final String DISBURSEMENT = TestProperties.PLATFORM + "/internal/v1/applications/app-1/disbursement";
    private static final String SENT = TestProperties.PLATFORM + "/internal/v1/disbursements/d-1/sent";
    private static final String PAYOUTS = TestProperties.CHANNEL + "/sandbox/channel/v1/payouts";

    private final FakePlatform platform = new FakePlatform();
    private final RestClient.Builder channelBuilder = RestClient.builder();
    private final MockRestServiceServer channel = MockRestServiceServer.bindTo(channelBuilder).build();
    private final ExternalTaskService service = mock(ExternalTaskService.class);
    private final SendPayoutHandler handler = new SendPayoutHandler(new TaskFailures(TestProperties.create()),
            platform.client, new ChannelClient(TestProperties.create(), new MerchantSigner(MerchantSignerTest.KEY),
            channelBuilder, Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC)));

    @AfterEach
    void everyExpectedCallWasMade() {
        platform.server.verify();
        channel.verify();
    }

    @Test
    void acceptedPayoutIsMarkedSentAndCompleted() throws Exception {
        platformAnswersDisbursement("REQUESTED");
        AtomicReference<MockClientHttpRequest> sent = new AtomicReference<>();
        channel.expect(requestTo(PAYOUTS)).andExpect(method(HttpMethod.POST))
                .andExpect(request -> sent.set((MockClientHttpRequest) request))
                .andRespond(withSuccess("{\"requestId\":\"req-1\",\"status\":\"ACCEPTED\"}", MediaType.APPLICATION_JSON));
        platform.server.expect(requestTo(SENT)).andExpect(method(HttpMethod.POST)).andRespond(withStatus(HttpStatus.NO_CONTENT));
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        verify(service).complete(task);
        byte[] body = sent.get().getBodyAsBytes();
        assertThat(MerchantSignerTest.verifies(body, sent.get().getHeaders().getFirst("X-Signature"))).isTrue();
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.path("requestId").asText()).isEqualTo("req-1");
        assertThat(json.path("amount").asText()).isEqualTo("1000.00");
        assertThat(json.path("currency").asText()).isEqualTo("CNY");
        assertThat(json.path("cardNumber").asText()).isEqualTo("6217000000000006");
        assertThat(json.path("merchantId").asText()).isEqualTo("loanflow-sandbox-merchant");
        assertThat(json.path("notifyUrl").asText()).isEqualTo(TestProperties.PLATFORM + "/api/v1/payment-callbacks/sandbox");
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-11-25T08:00:00Z");
    }

    @Test
    void busyChannelIsRetriedWithOneRetryLessAndNotMarkedSent() {
        platformAnswersDisbursement("REQUESTED");
        channel.expect(requestTo(PAYOUTS)).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON).body("{\"code\":\"CHANNEL_BUSY\",\"retryable\":true}"));
        platform.server.expect(ExpectedCount.never(), requestTo(SENT));
        ExternalTask task = FakePlatform.task(3);

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(2), eq(5000L));
        verify(service, never()).complete(any());
    }

    @Test
    void aBare200IsNotTheChannelsAcceptanceTheSendIsRetriedAndNotMarkedSent() {
        for (String body : new String[] {"<html>OK</html>", "{\"requestId\":\"req-other\",\"status\":\"ACCEPTED\"}",
                "{\"requestId\":\"req-1\",\"status\":\"PROCESSING\"}"}) {
            platform.server.reset();
            channel.reset();
            platformAnswersDisbursement("REQUESTED");
            channel.expect(requestTo(PAYOUTS)).andRespond(withSuccess(body, MediaType.APPLICATION_JSON));
            platform.server.expect(ExpectedCount.never(), requestTo(SENT));
            ExternalTask task = FakePlatform.task(3);

            handler.execute(task, service);

            verify(service).handleFailure(eq(task), org.mockito.ArgumentMatchers.contains("without accepting req-1"),
                    anyString(), eq(2), eq(5000L));
            verify(service, never()).complete(any());
            platform.server.verify();
            channel.verify();
            org.mockito.Mockito.reset(service);
        }
    }

    @Test
    void retryAfterTheCallbackDecidedCompletesWithoutCallingTheChannel() {
        platformAnswersDisbursement("SUCCEEDED");
        channel.expect(ExpectedCount.never(), requestTo(PAYOUTS));
        ExternalTask task = FakePlatform.task(2);

        handler.execute(task, service);

        verify(service).complete(task);
    }

    @Test
    void refusedPayoutRaisesAnIncident() {
        platformAnswersDisbursement("REQUESTED");
        channel.expect(requestTo(PAYOUTS)).andRespond(withStatus(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_JSON).body("{\"code\":\"INVALID_SIGNATURE\",\"retryable\":false}"));
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), org.mockito.ArgumentMatchers.contains("INVALID_SIGNATURE"), anyString(),
                eq(0), eq(0L));
        verify(service, never()).complete(any());
    }

    @Test
    void freeTextInTheChannelsCodeNeverReachesTheIncident() {
        // a channel that echoes the refused card in its code: the text would be the incident's message in Cockpit,
        // the external task log's error and the worker's log line
        platformAnswersDisbursement("REQUESTED");
        channel.expect(requestTo(PAYOUTS)).andRespond(withStatus(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":\"INVALID_REQUEST card6217000000000006\",\"retryable\":false}"));
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        var message = org.mockito.ArgumentCaptor.forClass(String.class);
        var details = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(service).handleFailure(eq(task), message.capture(), details.capture(), eq(0), eq(0L));
        assertThat(message.getValue()).contains("UNRECOGNISED_CODE").doesNotContain("6217000000000006");
        assertThat(details.getValue()).doesNotContain("6217000000000006");
    }

    @Test
    void aPayoutTheChannelRefusesOutrightIsFailedOnRecordAndEndsTheTaskWithPayoutRefused() {
        platformAnswersDisbursement("REQUESTED");
        channel.expect(requestTo(PAYOUTS)).andRespond(withStatus(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON).body("{\"code\":\"INVALID_CARD\",\"retryable\":false}"));
        platform.server.expect(requestTo(TestProperties.PLATFORM + "/internal/v1/disbursements/d-1/refused"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath("$.code")
                        .value("INVALID_CARD"))
                .andRespond(withSuccess(FakePlatform.json(Map.of("failureCode", "INVALID_CARD")),
                        MediaType.APPLICATION_JSON));
        platform.server.expect(ExpectedCount.never(), requestTo(SENT));
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        verify(service).handleBpmnError(eq(task), eq("PAYOUT_REFUSED"),
                org.mockito.ArgumentMatchers.contains("INVALID_CARD"), eq(Map.of("payoutFailureCode", "INVALID_CARD")));
        verify(service, never()).complete(any());
        verify(service, never()).handleFailure(any(ExternalTask.class), any(), any(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void aRetryAfterARefusalWhoseErrorNeverReachedTheEngineThrowsItAgainInsteadOfCompleting() {
        // the refusal is on record (FAILED); the BPMN error of that attempt was lost, so the task came back
        platformAnswersDisbursement("FAILED");
        channel.expect(ExpectedCount.never(), requestTo(PAYOUTS));
        platform.server.expect(requestTo(TestProperties.PLATFORM + "/internal/v1/disbursements/d-1/refused"))
                .andExpect(method(HttpMethod.POST))
                .andRespond(withSuccess(FakePlatform.json(Map.of("failureCode", "INVALID_CARD")),
                        MediaType.APPLICATION_JSON));
        ExternalTask task = FakePlatform.task(2);

        handler.execute(task, service);

        verify(service).handleBpmnError(eq(task), eq("PAYOUT_REFUSED"), anyString(),
                eq(Map.of("payoutFailureCode", "INVALID_CARD")));
        verify(service, never()).complete(any());
    }

    @Test
    void aRequestIdReusedOrAMalformedRequestIsAnIncidentNotARefusal() {
        // ours to fix, and a reused request id may mean an earlier request under it was paid
        platformAnswersDisbursement("REQUESTED");
        channel.expect(requestTo(PAYOUTS)).andRespond(withStatus(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON).body("{\"code\":\"REQUEST_ID_REUSED\",\"retryable\":false}"));
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), org.mockito.ArgumentMatchers.contains("REQUEST_ID_REUSED"), anyString(),
                eq(0), eq(0L));
        verify(service, never()).handleBpmnError(any(ExternalTask.class), anyString(), anyString(), any());
        verify(service, never()).complete(any());
    }

    private void platformAnswersDisbursement(String status) {
        platform.server.expect(requestTo(DISBURSEMENT)).andExpect(method(HttpMethod.POST))
                .andRespond(withSuccess(FakePlatform.json(Map.of("disbursementId", "d-1", "requestId", "req-1",
                        "amount", "1000.00", "bankCardNumber", "6217000000000006", "status", status)),
                        MediaType.APPLICATION_JSON));
    }
}
