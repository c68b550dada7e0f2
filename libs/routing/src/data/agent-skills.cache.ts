import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { AgentSelectionRepository, AgentSkillRow } from './agent-selection.repository';

/**
 * Every agent's skills, kept per process and read again only when the skills counter
 * (routing_skills_version, moved by triggers on every skill write) is past the one they were read at.
 * Skills change a few times a day; before, each routing page read a skill row per free agent.
 */
@Injectable()
export class AgentSkillsCache {
  private loaded?: { version: number; byAgent: ReadonlyMap<string, readonly AgentSkillRow[]> };

  constructor(private readonly selection: AgentSelectionRepository) {}

  /** Skills at least as new as `version` (read in the caller's transaction, on `sql`, when they are older). */
  async at(version: number, sql: Sql): Promise<ReadonlyMap<string, readonly AgentSkillRow[]>> {
    if (this.loaded && this.loaded.version >= version) return this.loaded.byAgent;
    const read = await this.selection.allSkills(sql);
    const byAgent = new Map<string, AgentSkillRow[]>();
    for (const skill of read.skills) {
      const skills = byAgent.get(skill.user_id);
      if (skills) skills.push(skill);
      else byAgent.set(skill.user_id, [skill]);
    }
    if (!this.loaded || read.version >= this.loaded.version) this.loaded = { version: read.version, byAgent };
    return byAgent;
  }
}
