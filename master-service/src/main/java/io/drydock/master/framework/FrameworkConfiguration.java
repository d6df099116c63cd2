package io.drydock.master.framework;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The framework feature's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FrameworkProperties.class)
class FrameworkConfiguration {}
