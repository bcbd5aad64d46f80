/**
 * Match patterns for the content script and host permissions, derived from the site registry.
 * Kept free of DOM code at import time so wxt.config.ts can import it in Node: the registry and the adapters
 * only define functions and data when loaded.
 */
import { registryMatchPatterns } from './registry';

export const contentScriptMatches: string[] = registryMatchPatterns();
