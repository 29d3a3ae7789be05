/**
 * Edge helpers every module's adapters use: problem details, named exceptions, input limits, query dates. A named
 * interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("web")
package com.echamado.platform.web;
