import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that moves whenever agents' skills may have changed: a write to staff_skills or
 * staff_queue_skills, or a topic moved to another queue. The router keeps all skills in memory and
 * reads only this counter on each page, in the same statement as the free agents, so a page no
 * longer reads a skill row per free agent (bench/routing) and never matches on skills older than its own read.
 */
export class RoutingSkillsVersion1764388000000 implements MigrationInterface {
  name = 'RoutingSkillsVersion1764388000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE routing_skills_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL DEFAULT 0
      );
      INSERT INTO routing_skills_version DEFAULT VALUES;

      CREATE FUNCTION routing_skills_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE routing_skills_version SET version = version + 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_skills_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_skills
        FOR EACH STATEMENT EXECUTE FUNCTION routing_skills_changed();
      CREATE TRIGGER routing_skills_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_queue_skills
        FOR EACH STATEMENT EXECUTE FUNCTION routing_skills_changed();
      CREATE TRIGGER routing_skills_changed AFTER UPDATE OF queue_id ON topics
        FOR EACH STATEMENT EXECUTE FUNCTION routing_skills_changed();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER routing_skills_changed ON staff_skills;
      DROP TRIGGER routing_skills_changed ON staff_queue_skills;
      DROP TRIGGER routing_skills_changed ON topics;
      DROP FUNCTION routing_skills_changed();
      DROP TABLE routing_skills_version;
    `);
  }
}
