import { createContext, useContext } from 'react';
import type { Session } from './api';

export const SessionContext = createContext<{
  session: Session | undefined;
  setSession: (session: Session | undefined) => void;
}>({ session: undefined, setSession: () => undefined });

export const useSession = () => useContext(SessionContext);

/** Where each role starts after signing in. */
export const homeOf = (role: string): string =>
  role === 'agency_staff'
    ? '/agency/inbox'
    : role === 'supervisor'
      ? '/supervisor'
      : role === 'operator'
        ? '/register'
        : role === 'auditor'
          ? '/audit'
          : role === 'admin'
            ? '/admin'
            : '/';
