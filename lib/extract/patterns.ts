/**
 * Match patterns for the content script and host permissions, derived from the site registry.
 * Kept free of DOM code so wxt.config.ts can import it.
 */
export const contentScriptMatches: string[] = ['https://*.lightning.force.com/*'];
