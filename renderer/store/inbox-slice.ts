import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { call } from './call';
import type { Store } from './store';
import type { ErrorInfo, OutboxMessage } from './types';

export type InboxState = { step: 'list'; messages: OutboxMessage[] | null; loading: boolean; error: ErrorInfo | null };

export interface InboxSlice {
  inbox: InboxState;
  /** Fetches the demo outbox; newest message first. */
  loadInbox: () => Promise<void>;
}

export const createInboxSlice: StateCreator<Store, [], [], InboxSlice> = (set, get) => ({
  inbox: { step: 'list', messages: null, loading: false, error: null },

  loadInbox: async () => {
    set({ inbox: { ...get().inbox, loading: true, error: null } });
    const result = await call(() => api().getDemoOutbox({}));
    if (!result.ok) {
      set({ inbox: { ...get().inbox, loading: false, error: result.error } });
      return;
    }
    const messages = [...result.data.messages].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
    set({ inbox: { step: 'list', messages, loading: false, error: null } });
  },
});
