/**
 * Edge helpers every module's adapters use: problem details, named exceptions, input limits, query dates; and what
 * every module's pages share: the {@link com.echamado.platform.web.Viewer} they see, {@link
 * com.echamado.platform.web.Dates}, the {@link com.echamado.platform.web.PageErrors} base and the {@link
 * com.echamado.platform.web.AgentDepartments} port. A named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("web")
package com.echamado.platform.web;
