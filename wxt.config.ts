import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // A separate output folder per checkout or job (DEALSCREEN_OUT_DIR) keeps parallel builds apart.
  outDir: process.env.DEALSCREEN_OUT_DIR ?? '.output',
  manifest: {
    name: 'DealScreen',
    description:
      'Export-control and human-rights due diligence on the CRM deal page. Nothing from the CRM page leaves the browser.',
    // Fewest permissions that work: storage for lists and results, sidePanel for the panel,
    // activeTab + scripting for "screen this page" on sites we do not match by default,
    // alarms for list subscriptions, unlimitedStorage for official lists of 15,000+ entries.
    // No standing host permissions: the content script's matches (the CRM registry) are all it needs;
    // a rep's own CRM domain or a list subscription asks for that one origin when the rep adds it.
    permissions: ['storage', 'sidePanel', 'activeTab', 'scripting', 'alarms', 'unlimitedStorage'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'DealScreen' },
    side_panel: { default_path: 'sidepanel.html' },
    browser_specific_settings: { gecko: { id: 'dealscreen@example.org' } },
    // Enterprise policy (lists, subscriptions, settings) pushed by administrators: docs/policy.md.
    storage: { managed_schema: 'managed_schema.json' },
  },
});
