import type { MethodChoice } from '../../contract/api.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { StoredMethod } from '../store/store.js';
import { maskEmail, maskPhone } from './mask.js';

/** How a registered method is shown to someone who has not proven who they are yet. */
export function methodChoice(method: StoredMethod, box: SecretBox): MethodChoice {
  switch (method.type) {
    case 'email':
      return { id: method.id, type: method.type, hint: maskEmail(method.address ? box.open(method.address) : '') };
    case 'sms':
    case 'voice':
      return { id: method.id, type: method.type, hint: maskPhone(method.address ? box.open(method.address) : '') };
    case 'authenticatorApp':
    case 'securityKey':
    case 'questions':
      return { id: method.id, type: method.type, hint: method.label };
  }
}

/** Methods that may stand as a second factor when signing in (never email or questions: NIST, the seed). */
export const secondFactorTypes: ReadonlySet<StoredMethod['type']> = new Set(['authenticatorApp', 'sms', 'voice', 'securityKey']);
