"""A stored count of active memberships per cluster, kept by a trigger on the memberships table."""

from django.conf import settings
from django.db import migrations, models

TRIGGER = """
CREATE OR REPLACE FUNCTION clusters_count_active_members() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
        UPDATE clusters_cluster SET member_count = member_count - 1 WHERE id = OLD.cluster_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
        UPDATE clusters_cluster SET member_count = member_count + 1 WHERE id = NEW.cluster_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER clusters_count_active_members
AFTER INSERT OR DELETE OR UPDATE OF status, cluster_id ON clusters_clustermembership
FOR EACH ROW EXECUTE FUNCTION clusters_count_active_members();

UPDATE clusters_cluster AS c SET member_count = (
    SELECT count(*) FROM clusters_clustermembership AS m WHERE m.cluster_id = c.id AND m.status = 'active'
);
"""

DROP = """
DROP TRIGGER IF EXISTS clusters_count_active_members ON clusters_clustermembership;
DROP FUNCTION IF EXISTS clusters_count_active_members();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0002_initial"),
        ("identity", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="cluster",
            name="member_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="Member firms"),
        ),
        migrations.AddIndex(
            model_name="cluster",
            index=models.Index(fields=["status", "-member_count", "id"], name="cluster_directory_order"),
        ),
        migrations.RunSQL(TRIGGER, DROP),
    ]
