-- Cross-field rules were kept under the name of the file that declared them, so importing
-- any file under an existing name (say "catalog.yaml") deleted that file's rules. A rule now
-- belongs to what declares it, whatever the file is called:
--
--   'catalog'      the shipped catalog (only a new version of it removes its rules)
--   'plan:CODE'    the plan CODE (a new version of that plan replaces its rules)
--   'import'       a plan-less file the Office imported (adds rules, never removes any)
--
-- `source` stays as the name of the file the rule was last read from, for messages.

alter table metric_rule add column owner varchar(70);

update metric_rule r set owner = 'plan:' || p.code
from plan p
where p.source = r.source and r.source <> 'catalog.yaml';

update metric_rule set owner = 'catalog' where owner is null and source = 'catalog.yaml';
update metric_rule set owner = 'import' where owner is null;

alter table metric_rule alter column owner set not null;

create index metric_rule_owner on metric_rule (owner);
