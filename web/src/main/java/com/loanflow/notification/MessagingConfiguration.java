package com.loanflow.notification;

import com.loanflow.application.ApplicationStatusChanged;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;
import org.springframework.amqp.support.converter.Jackson2JsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MessagingConfiguration {

    @Bean
    TopicExchange loanflowEvents() {
        return new TopicExchange(ApplicationStatusChanged.EXCHANGE, true, false);
    }

    @Bean
    Queue borrowerNotificationsQueue() {
        return QueueBuilder.durable(BorrowerNotifications.QUEUE).build();
    }

    /** Where a notification lands after its three attempts failed (e.g. an event for an unknown borrower). */
    @Bean
    Queue borrowerNotificationsFailedQueue() {
        return QueueBuilder.durable(BorrowerNotifications.FAILED_QUEUE).build();
    }

    /**
     * Used by Spring Boot's listener retry once the attempts are spent: the message is republished, with the
     * exception in its headers, to the ".failed" queue, for ops to inspect or replay. Without it a
     * failing message was requeued at once, forever: a poison message held a consumer in a hot loop.
     */
    @Bean
    MessageRecoverer failedMessageRecoverer(RabbitTemplate rabbit) {
        // the only listener today; with a second one, route by message.getMessageProperties().getConsumerQueue()
        return new RepublishMessageRecoverer(rabbit, "", BorrowerNotifications.FAILED_QUEUE);
    }

    @Bean
    Binding borrowerNotificationsBinding(Queue borrowerNotificationsQueue, TopicExchange loanflowEvents) {
        return BindingBuilder.bind(borrowerNotificationsQueue).to(loanflowEvents).with("application.status.*");
    }

    @Bean
    MessageConverter jsonMessageConverter(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        return new Jackson2JsonMessageConverter(objectMapper);
    }
}
