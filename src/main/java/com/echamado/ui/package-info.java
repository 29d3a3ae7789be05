/**
 * The web shell: layout, home page, language and time zone, error pages, static files, and what every page's layout
 * gets (the viewer, the theme, the request id). Each module's pages live in that module's {@code web/}. Calls module
 * facades and the tickets module's {@code pages} interface only.
 */
package com.echamado.ui;
