/**
 * The docs site {@code smelt docs generate} writes and {@code smelt docs serve} serves: the data it
 * reads from manifest.json and catalog.json, the page and its scripts (resources beside these classes),
 * and the HTTP server.
 */
package io.smelt.compiler.docs;
