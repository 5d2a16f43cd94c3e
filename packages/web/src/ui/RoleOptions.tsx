import { ROLES, type Role } from '@vigie/client';
import { useTranslation } from 'react-i18next';

/** The `<option>`s of a role `<select>`, named in the interface language; all roles unless `roles` narrows them. */
export function RoleOptions({ roles = ROLES }: { roles?: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </>
  );
}
