-- Sessions in the database (Spring Session JDBC), shared by every instance of the application
-- on this database: a user stays logged in when an instance restarts or the load balancer
-- sends the next request to another one (docs/operations.md). The tables are those of
-- spring-session-jdbc's schema-postgresql.sql, unchanged; Flyway creates them, Spring Session
-- does not (spring.session.jdbc.initialize-schema=never). Expired sessions are deleted by the
-- application every minute (spring.session.jdbc.cleanup-cron).

CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- The sessions ended because their user's password was changed or reset, or the user
-- disabled, so that the login page says so on whichever instance the next request reaches.
-- Rows older than a day are deleted by the application.
create table ended_session (
    session_id varchar(36) primary key,
    ended_at   timestamptz not null default now()
);

create index ended_session_ended_at_idx on ended_session (ended_at);
