"""The audit log stays append-only, except the one update an account's deletion makes: removing who the person was.

Only under ``SET LOCAL vc.audit_anonymise = 'on'`` (set by ``platform_.compliance.services.account_delete`` in its
own transaction), and only the e-mail address and the object's description may change, never what happened.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND coalesce(current_setting('vc.audit_anonymise', true), 'off') = 'on'
       AND NEW.id = OLD.id AND NEW.at = OLD.at
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.action = OLD.action
       AND NEW.target_type = OLD.target_type AND NEW.target_id = OLD.target_id
       AND NEW.firm_id IS NOT DISTINCT FROM OLD.firm_id
       AND NEW.cluster_id IS NOT DISTINCT FROM OLD.cluster_id
       AND NEW.reason = OLD.reason AND NEW.data = OLD.data
       AND (NEW.actor_email = OLD.actor_email OR NEW.actor_email = '')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
"""

BACKWARD = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_append_only_trigger")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
