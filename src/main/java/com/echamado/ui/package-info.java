/** The web shell: layout, home page, language switch, error pages and static files. Calls module facades only. */
package com.echamado.ui;
