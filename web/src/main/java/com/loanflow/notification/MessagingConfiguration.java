package com.loanflow.notification;

import com.loanflow.application.ApplicationStatusChanged;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
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

    @Bean
    Binding borrowerNotificationsBinding(Queue borrowerNotificationsQueue, TopicExchange loanflowEvents) {
        return BindingBuilder.bind(borrowerNotificationsQueue).to(loanflowEvents).with("application.status.*");
    }

    @Bean
    MessageConverter jsonMessageConverter(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        return new Jackson2JsonMessageConverter(objectMapper);
    }
}
