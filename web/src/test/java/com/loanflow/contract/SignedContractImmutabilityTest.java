package com.loanflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.Connection;
import java.time.LocalDateTime;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The real migrations and mapper XML on H2 (MySQL mode): signed bytes, once stored, cannot be replaced. */
class SignedContractImmutabilityTest {

    @Test
    void aSecondSignedPdfForTheSameContractIsRefusedAndTheFirstIsKept() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:signed-contract;MODE=MySQL;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SET REFERENTIAL_INTEGRITY FALSE"); // no application row needed
        }
        try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration(dataSource)).openSession(true)) {
            ContractMapper contracts = session.getMapper(ContractMapper.class);
            contracts.insert(new LoanContract("c-1", "a-1", "LF20250115C0000001", "loan-contract/1.0", "rendered",
                    "0".repeat(64), LoanContract.ContractStatus.PENDING_SIGNATURE, LocalDateTime.now(), null, null,
                    null, null, null, 0));

            assertThat(contracts.storeSignedPdf("c-1", "signed-first", "a".repeat(64), "01")).isEqualTo(1);
            assertThat(contracts.storeSignedPdf("c-1", "signed-again", "b".repeat(64), "02")).isZero();

            LoanContract stored = contracts.findByApplicationId("a-1").orElseThrow();
            assertThat(stored.signedPdfEnc()).isEqualTo("signed-first");
            assertThat(stored.signedPdfSha256()).isEqualTo("a".repeat(64));
            assertThat(stored.borrowerCertSerial()).isEqualTo("01");
        }
    }

    private static Configuration configuration(JdbcDataSource dataSource) throws Exception {
        Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true); // as application.yml configures MyBatis
        configuration.setArgNameBasedConstructorAutoMapping(true);
        String resource = "mapper/contract/ContractMapper.xml";
        try (InputStream xml = SignedContractImmutabilityTest.class.getResourceAsStream("/" + resource)) {
            new XMLMapperBuilder(xml, configuration, resource, configuration.getSqlFragments()).parse();
        }
        return configuration;
    }
}
