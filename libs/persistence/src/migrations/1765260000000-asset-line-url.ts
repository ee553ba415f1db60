import { MigrationInterface, QueryRunner } from 'typeorm';

/** An RSAS web scan's asset line keeps the site it was found on (the host alone loses it). */
export class AssetLineUrl1765260000000 implements MigrationInterface {
  name = 'AssetLineUrl1765260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_asset_line ADD COLUMN url text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_asset_line DROP COLUMN url`);
  }
}
