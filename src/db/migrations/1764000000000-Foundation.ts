import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema: people and their platform identities, tickets with their comments,
 * attachments and event log, the delivery outbox, and the knowledge base.
 * Written for PostgreSQL 15 and later (the servers run 15, PGlite is 18).
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE person (
        id               serial PRIMARY KEY,
        display_name     text NOT NULL DEFAULT '',
        tier             smallint CHECK (tier BETWEEN 1 AND 3),
        is_admin         boolean NOT NULL DEFAULT false,
        away             boolean NOT NULL DEFAULT false,
        last_assigned_at timestamptz,
        merged_into_id   integer REFERENCES person(id),
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX person_staff_idx ON person (tier) WHERE tier IS NOT NULL`);

    await db.query(`
      CREATE TABLE identity (
        id               serial PRIMARY KEY,
        -- Deferred, so a first-sight identity can claim its key before its person row is written.
        person_id        integer NOT NULL REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED,
        platform         text NOT NULL CHECK (platform IN ('discord', 'slack')),
        platform_user_id text NOT NULL,
        display_name     text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT identity_platform_user_unique UNIQUE (platform, platform_user_id)
      )`);
    await db.query(`CREATE INDEX identity_person_idx ON identity (person_id)`);

    await db.query(`
      CREATE TABLE link_code (
        code       text PRIMARY KEY,
        person_id  integer NOT NULL REFERENCES person(id),
        platform   text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at    timestamptz
      )`);

    await db.query(`CREATE SEQUENCE ticket_number_seq`);
    await db.query(`
      CREATE TABLE ticket (
        id                     serial PRIMARY KEY,
        number                 integer NOT NULL DEFAULT nextval('ticket_number_seq'),
        title                  varchar(100) NOT NULL,
        description            varchar(3000) NOT NULL,
        type                   text NOT NULL CHECK (type IN ('incident', 'request')),
        status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved')),
        resolution             text CHECK (resolution IN ('resolved_by_staff', 'solved_by_customer', 'closed_automatically', 'closed_with_major_incident')),
        priority               text NOT NULL DEFAULT 'P3' CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        impact                 text CHECK (impact IN ('individual', 'team', 'everyone')),
        urgency                text CHECK (urgency IN ('can_work', 'degraded', 'blocked')),
        service_id             integer,
        tier                   smallint NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 3),
        assignee_id            integer REFERENCES person(id),
        customer_id            integer NOT NULL REFERENCES person(id),
        opened_by_id           integer NOT NULL REFERENCES person(id),
        platform               text NOT NULL CHECK (platform IN ('discord', 'slack')),
        location               jsonb NOT NULL DEFAULT '{}'::jsonb,
        follow_up_of_id        integer REFERENCES ticket(id),
        created_at             timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL,
        assigned_at            timestamptz,
        pending_since          timestamptz,
        first_response_at      timestamptz,
        resolved_at            timestamptz,
        last_customer_reply_at timestamptz,
        search                 tsvector NOT NULL DEFAULT ''::tsvector,
        CONSTRAINT ticket_number_unique UNIQUE (number),
        CONSTRAINT ticket_resolution_matches_status CHECK ((status = 'resolved') = (resolution IS NOT NULL))
      )`);
    await db.query(`ALTER SEQUENCE ticket_number_seq OWNED BY ticket.number`);
    // A trigger rather than a generated column: generated columns are recomputed by every UPDATE
    // (assignments, status changes), and four to_tsvector calls made those several times dearer.
    await db.query(`
      CREATE FUNCTION ticket_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english'::regconfig, NEW.title), 'A') ||
          setweight(to_tsvector('danish'::regconfig, NEW.title), 'A') ||
          setweight(to_tsvector('english'::regconfig, NEW.description), 'B') ||
          setweight(to_tsvector('danish'::regconfig, NEW.description), 'B');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER ticket_search_vector BEFORE INSERT OR UPDATE OF title, description ON ticket
      FOR EACH ROW EXECUTE FUNCTION ticket_search_vector()`);
    await db.query(`CREATE INDEX ticket_assignee_unresolved_idx ON ticket (assignee_id) WHERE status <> 'resolved'`);
    await db.query(`CREATE INDEX ticket_queue_idx ON ticket (priority, created_at) WHERE status <> 'resolved'`);
    await db.query(`CREATE INDEX ticket_customer_idx ON ticket (customer_id)`);
    await db.query(`CREATE INDEX ticket_pending_idx ON ticket (pending_since) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX ticket_search_idx ON ticket USING gin (search)`);

    await db.query(`
      CREATE TABLE comment (
        id                  bigserial PRIMARY KEY,
        ticket_id           integer NOT NULL REFERENCES ticket(id),
        author_id           integer REFERENCES person(id),
        kind                text NOT NULL CHECK (kind IN ('public', 'internal')),
        body                text NOT NULL,
        platform            text,
        platform_message_id text,
        created_at          timestamptz NOT NULL,
        edited_at           timestamptz,
        deleted_at          timestamptz,
        deleted_by_id       integer REFERENCES person(id),
        redacted_at         timestamptz,
        redacted_by_id      integer REFERENCES person(id),
        CONSTRAINT comment_platform_message_unique UNIQUE (platform, platform_message_id)
      )`);
    await db.query(`CREATE INDEX comment_ticket_idx ON comment (ticket_id, id)`);

    await db.query(`
      CREATE TABLE comment_revision (
        id             bigserial PRIMARY KEY,
        comment_id     bigint NOT NULL REFERENCES comment(id),
        body           text NOT NULL,
        replaced_at    timestamptz NOT NULL,
        replaced_by_id integer REFERENCES person(id)
      )`);
    await db.query(`CREATE INDEX comment_revision_comment_idx ON comment_revision (comment_id)`);

    await db.query(`
      CREATE TABLE attachment (
        id           bigserial PRIMARY KEY,
        comment_id   bigint NOT NULL REFERENCES comment(id),
        filename     text NOT NULL,
        content_type text,
        size_bytes   integer NOT NULL,
        data         bytea,
        source_url   text,
        skipped      text,
        created_at   timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX attachment_comment_idx ON attachment (comment_id)`);

    await db.query(`
      CREATE TABLE ticket_event (
        id         bigserial PRIMARY KEY,
        ticket_id  integer NOT NULL REFERENCES ticket(id),
        actor_id   integer REFERENCES person(id),
        kind       text NOT NULL,
        data       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, id)`);

    await db.query(`
      CREATE TABLE delivery (
        id          bigserial PRIMARY KEY,
        ticket_id   integer REFERENCES ticket(id),
        event_id    bigint REFERENCES ticket_event(id),
        platform    text NOT NULL CHECK (platform IN ('discord', 'slack')),
        destination text NOT NULL,
        kind        text NOT NULL,
        payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
        status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts    integer NOT NULL DEFAULT 0,
        not_before  timestamptz NOT NULL,
        lease_until timestamptz,
        sent_at     timestamptz,
        last_error  text,
        created_at  timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX delivery_unsent_idx ON delivery (destination, id) WHERE status IN ('pending', 'sending')`,
    );
    await db.query(`CREATE INDEX delivery_ticket_idx ON delivery (ticket_id)`);

    // array_to_string is only STABLE in general; for text[] it cannot change, and a generated column needs IMMUTABLE.
    await db.query(
      `CREATE FUNCTION article_tags_text(tags text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT array_to_string(tags, ' ') $$`,
    );
    await db.query(`
      CREATE TABLE article (
        id            serial PRIMARY KEY,
        title         varchar(200) NOT NULL,
        body          text NOT NULL,
        tags          text[] NOT NULL DEFAULT '{}',
        visibility    text NOT NULL DEFAULT 'staff' CHECK (visibility IN ('public', 'staff')),
        special       text CHECK (special IN ('sla', 'catalog')),
        archived_at   timestamptz,
        created_by_id integer REFERENCES person(id),
        updated_by_id integer REFERENCES person(id),
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL,
        search        tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english'::regconfig, title), 'A') ||
                        setweight(to_tsvector('danish'::regconfig, title), 'A') ||
                        setweight(to_tsvector('simple'::regconfig, article_tags_text(tags)), 'A') ||
                        setweight(to_tsvector('english'::regconfig, body), 'B') ||
                        setweight(to_tsvector('danish'::regconfig, body), 'B')
                      ) STORED,
        CONSTRAINT article_special_unique UNIQUE (special)
      )`);
    await db.query(`CREATE INDEX article_search_idx ON article USING gin (search)`);

    await db.query(`
      CREATE TABLE article_revision (
        id           bigserial PRIMARY KEY,
        article_id   integer NOT NULL REFERENCES article(id),
        title        varchar(200) NOT NULL,
        body         text NOT NULL,
        tags         text[] NOT NULL,
        visibility   text NOT NULL,
        edited_by_id integer REFERENCES person(id),
        created_at   timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX article_revision_article_idx ON article_revision (article_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'article_revision',
      'article',
      'delivery',
      'ticket_event',
      'attachment',
      'comment_revision',
      'comment',
      'ticket',
      'link_code',
      'identity',
      'person',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS article_tags_text(text[])`);
    await db.query(`DROP FUNCTION IF EXISTS ticket_search_vector()`);
  }
}
