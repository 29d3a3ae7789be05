/**
 * The catalog: departments, categories with subcategories, ticket types and statuses, and which agents work in
 * which department. ADMIN writes, every signed-in user reads. Other modules refer to entries by id.
 */
package com.echamado.catalog;
