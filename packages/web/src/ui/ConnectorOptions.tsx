import { useTranslation } from 'react-i18next';

/** The `<option>`s of a connector `<select>`, each named in the interface language (else the connector's own name). */
export function ConnectorOptions({ connectors }: { connectors: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      {connectors.map((c) => (
        <option key={c.id} value={c.id}>
          {t(`connector.${c.id}`, { defaultValue: c.name })}
        </option>
      ))}
    </>
  );
}
