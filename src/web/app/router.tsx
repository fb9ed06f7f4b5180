// All routes: the public portal at /, the staff console at /console.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { MePage } from '../features/auth/MePage';
import { PortalNotFound } from '../features/errors/NotFound';
import { RouteError } from '../features/errors/RouteError';
import { HomePage } from '../features/home/HomePage';
import { ScopePage } from '../features/catalog/ScopePage';
import { PageSpin } from '../shared/PageSpin';
import { PortalLayout } from './layouts/PortalLayout';
import { RequirePermission } from './RequirePermission';

// The console is staff-only and heavier; complainants on phones never download it.
const ConsoleLayout = lazy(() => import('./layouts/ConsoleLayout'));
const ConsoleLoginPage = lazy(() => import('../features/auth/ConsoleLoginPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const CatalogPage = lazy(() => import('../features/catalog/CatalogConsolePage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const TokensPage = lazy(() => import('../features/tokens/TokensPage'));
const ConsoleNotFound = lazy(() => import('../features/errors/ConsoleNotFound'));

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
      { path: '*', element: <PortalNotFound /> },
    ],
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
      {
        index: true,
        element: suspended(
          <RequirePermission permission="console.access">
            <DashboardPage />
          </RequirePermission>,
        ),
      },
      {
        path: 'catalog',
        element: suspended(
          <RequirePermission permission="catalog.view">
            <CatalogPage />
          </RequirePermission>,
        ),
      },
      {
        path: 'users',
        element: suspended(
          <RequirePermission permission="users.read">
            <UsersPage />
          </RequirePermission>,
        ),
      },
      {
        path: 'tokens',
        element: suspended(
          <RequirePermission permission="tokens.manage">
            <TokensPage />
          </RequirePermission>,
        ),
      },
      { path: '*', element: suspended(<ConsoleNotFound />) },
    ],
  },
]);
