/**
 * The web shell: layout, language switch, error pages and static files. Calls module facades only. The start page
 * is the dashboard's ({@code dashboard/web}).
 */
package com.echamado.ui;
