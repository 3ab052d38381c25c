import { NavLink, Outlet } from 'react-router';
import { RequirePolicy } from './require-policy';

/** `/admin/*` (admins): users, API tokens and failed messages, as tabs. */
export function AdminRoute() {
  return (
    <RequirePolicy policy="administer">
      <div className="page__header">
        <h1 className="page__title">Administration</h1>
      </div>
      <nav className="tabs" aria-label="Administration">
        <ul className="tabs__list">
          <li>
            <NavLink to="/admin/users" className="tabs__link">
              Users
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/tokens" className="tabs__link">
              API tokens
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/failed-messages" className="tabs__link">
              Failed messages
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </RequirePolicy>
  );
}
