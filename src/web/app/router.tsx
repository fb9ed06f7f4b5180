// All routes: the public portal at /, the staff console at /console.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { MePage } from '../features/auth/MePage';
import { NotFound } from '../features/errors/NotFound';
import { RouteError } from '../features/errors/RouteError';
import { HomePage } from '../features/home/HomePage';
import { ScopePage } from '../features/catalog/ScopePage';
import { PageSpin } from '../shared/PageSpin';
import { PortalLayout } from './layouts/PortalLayout';
import { CONSOLE_PAGES } from './console-pages';
import { RequirePermission } from './RequirePermission';

// The console is staff-only and heavier; complainants on phones never download it.
const ConsoleLayout = lazy(() => import('./layouts/ConsoleLayout'));
// Complaint pages load on first use, so the home page stays light on a phone.
const FilePage = lazy(() => import('../features/complaints/filing/FilePage'));
const MyComplaintsPage = lazy(() => import('../features/complaints/list/MyComplaintsPage'));
const ComplaintPage = lazy(() => import('../features/complaints/detail/ComplaintPage'));
const TrackPage = lazy(() => import('../features/complaints/track/TrackPage'));
// Public pages opened from an SMS/email link or a receipt's QR code, often on a phone.
const TrackLinkPage = lazy(() => import('../features/notifications/TrackLinkPage'));
const ReceiptPage = lazy(() => import('../features/notifications/ReceiptPage'));
// The assistant's chat window: full screen on a phone, its own header (no portal tab bar).
const ChatPage = lazy(() => import('../features/assistant/ChatPage'));
const ConsoleLoginPage = lazy(() => import('../features/auth/ConsoleLoginPage'));

function suspended(node: ReactNode) {
  return <Suspense fallback={<PageSpin />}>{node}</Suspense>;
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'scope', element: <ScopePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'me', element: <MePage /> },
      { path: 'file', element: suspended(<FilePage />) },
      { path: 'complaints', element: suspended(<MyComplaintsPage />) },
      { path: 'complaints/:number', element: suspended(<ComplaintPage />) },
      { path: 'track', element: suspended(<TrackPage />) },
      { path: 't/:token', element: suspended(<TrackLinkPage />) },
      { path: 'receipts/:code', element: suspended(<ReceiptPage />) },
      { path: '*', element: <NotFound home="/" backKey="common.backHome" /> },
    ],
  },
  {
    path: '/assistant',
    element: suspended(<ChatPage />),
    errorElement: <RouteError />,
  },
  {
    path: '/console/login',
    element: suspended(<ConsoleLoginPage />),
    errorElement: <RouteError />,
  },
  {
    path: '/console',
    element: suspended(<ConsoleLayout />),
    errorElement: <RouteError />,
    children: [
      ...CONSOLE_PAGES.map(({ path, permission, Page }) => ({
        ...(path === '/console' ? { index: true } : { path: path.slice('/console/'.length) }),
        element: suspended(
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>,
        ),
      })),
      { path: '*', element: <NotFound home="/console" backKey="common.backToDashboard" /> },
    ],
  },
]);
