import { DataSource } from 'typeorm';

/** The enabled operator holding this extension, if any. */
export async function operatorAtExtension(
  dataSource: DataSource,
  extension: string,
): Promise<string | undefined> {
  const rows = (await dataSource.query(
    `SELECT username FROM intake.users WHERE extension = $1 AND role = 'operator' AND NOT disabled`,
    [extension],
  )) as { username: string }[];
  return rows[0]?.username;
}
