import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControllerDetails as Details } from '../../shared/domain/records';
import { useBridge } from '../bridge/context';

const fields: (keyof Details)[] = ['controllerName', 'controllerAddress', 'controllerContact', 'dpoName', 'dpoContact', 'representative'];

/** Art. 30(1)(a): who the controller and the DPO are, kept in the console's settings for the export. */
export function ControllerDetailsForm({ missing }: { missing: (keyof Details)[] }) {
  const { t } = useTranslation('processors');
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['controller'], queryFn: () => bridge['controller.get']() });
  const [details, setDetails] = useState<Details | null>(null);
  useEffect(() => {
    if (saved.data && !details) setDetails(saved.data);
  }, [saved.data, details]);
  const save = useMutation({
    mutationFn: (next: Details) => bridge['controller.update'](next),
    onSuccess: (next) => {
      queryClient.setQueryData(['controller'], next);
      notifications.show({ color: 'teal', message: t('records.controllerSaved') });
    },
  });
  if (!details) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(details);
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {fields.map((field) => (
          <TextInput
            key={field}
            label={t(`records.${field}`)}
            value={details[field]}
            error={missing.includes(field) && details[field].trim() === '' ? t('problems.required') : undefined}
            onChange={(event) => setDetails({ ...details, [field]: event.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" variant="light" loading={save.isPending}>
          {t('records.save')}
        </Button>
      </Group>
    </form>
  );
}
