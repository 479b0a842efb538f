// Compile-time checks of the validators' own messages: `npm run typecheck` fails when one of them breaks.
import { minLength, required, validator } from '../src/index.js';

required({ id: '{fieldName} harus diisi', en: '{fieldName} is needed' });
minLength(3, { id: '{fieldName}: minimal {min} huruf', en: '{fieldName}: at least {min} letters' });
validator('mobile', (value) => value.startsWith('08'), { id: 'Nomor ponsel', en: 'Mobile number' });

// @ts-expect-error `required` fills in only {fieldName}.
required({ id: '{fieldName} minimal {min}', en: '{fieldName}' });
// @ts-expect-error a typo in a placeholder is caught in either language.
minLength(3, { id: '{fieldName} minimal {min}', en: '{fieldname} at least {min}' });
// @ts-expect-error a custom validator needs its sentence in both languages.
validator('mobile', () => true, { id: 'Nomor ponsel' });
