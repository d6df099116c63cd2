package io.drydock.support.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers the request size limit ahead of every other filter (security included), then the request
 * hygiene filter (which leaves the bodies of the {@link RawBodyPaths} beans' paths unread); an error controller and a firewall-rejection handler that always give a message.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({HttpLimitsProperties.class, WebProperties.class})
public class WebSupportConfiguration {

  @Bean
  FilterRegistrationBean<RequestHygieneFilter> requestHygieneFilter(ObjectProvider<RawBodyPaths> rawBodyPaths) {
    RawBodyPaths raw = new RawBodyPaths(rawBodyPaths.orderedStream().flatMap(p -> p.paths().stream())
        .collect(java.util.stream.Collectors.toSet()));
    FilterRegistrationBean<RequestHygieneFilter> registration =
        new FilterRegistrationBean<>(new RequestHygieneFilter(raw));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  BasicErrorController basicErrorController(ErrorAttributes errorAttributes, WebProperties web,
      ObjectProvider<ErrorViewResolver> errorViewResolvers) {
    return new MessageErrorController(errorAttributes, web.getError(), errorViewResolvers.orderedStream().toList());
  }

  /** Spring Security's firewall (unknown methods, encoded slashes ...) answers 400 with a reason. */
  @Bean
  @ConditionalOnClass(name = "org.springframework.security.web.firewall.RequestRejectedHandler")
  org.springframework.security.web.firewall.RequestRejectedHandler drydockRequestRejectedHandler() {
    return (request, response, rejected) -> RequestHygieneFilter.refuse(response, HttpStatus.BAD_REQUEST,
        "Request rejected: " + rejected.getMessage());
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpLimitsProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestBody().toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
