// The settings `upskill serve` refuses to start without, checked apart from the server's modules: main.ts
// runs this before importing serve-command.ts (the app, the store, the demo: over a second of CPU), so a
// bad setting is reported at once.
import { requireAccountKey, requireSigninKey, settings, type Settings } from '../settings.ts';

export function checkServeSettings(): Settings {
  const config = settings();
  // Payees' account numbers cannot be stored or read without their key: a production server without one does not start.
  requireAccountKey(config);
  // Nor without the key that signs the attendance codes.
  requireSigninKey(config);
  return config;
}
