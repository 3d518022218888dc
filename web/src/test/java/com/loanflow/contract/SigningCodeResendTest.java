package com.loanflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.notification.SmsGateway;
import com.loanflow.shared.ApiException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing code's text message goes after the commit; when the carrier fails, the process's own issue only logs
 * it (the borrower asks for a resend), while a resend the borrower asked for tells them: 503 SMS_UNAVAILABLE.
 */
class SigningCodeResendTest {

    private final AtomicInteger attempts = new AtomicInteger();
    private final SmsGateway carrierDown = (phone, text) -> {
        attempts.incrementAndGet();
        throw new IllegalStateException("carrier unavailable");
    };

    @Test
    void aResendTellsTheBorrowerWhenTheMessageCouldNotBeSentAndTheProcessDoesNot() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:signing-code-resend;DB_CLOSE_DELAY=-1");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        SigningCodes codes = new SigningCodes(rowsWritten(), carrierDown, Clock.systemUTC(), transactions);
        TransactionTemplate request = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> request.executeWithoutResult(tx -> codes.issueAndConfirmSent("a-1", "13800001234", "借款800.00元")))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code())
                .isEqualTo("SMS_UNAVAILABLE");
        assertThatCode(() -> request.executeWithoutResult(tx -> codes.issue("a-1", "13800001234", "借款800.00元")))
                .as("the process's preparation is not rolled back or failed by the carrier").doesNotThrowAnyException();
        assertThat(attempts).as("each tried once, after its commit").hasValue(2);
    }

    /** A mapper whose writes succeed (the code's rows are SigningCodeMessageTest's). */
    private static ContractMapper rowsWritten() {
        return (ContractMapper) Proxy.newProxyInstance(ContractMapper.class.getClassLoader(),
                new Class<?>[] {ContractMapper.class}, (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    return type == int.class ? 1 : type == boolean.class ? Boolean.TRUE : type == long.class ? 1L
                            : type == java.util.Optional.class ? java.util.Optional.empty() : null;
                });
    }
}
