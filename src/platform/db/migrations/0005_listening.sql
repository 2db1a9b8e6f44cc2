CREATE TABLE "listening_alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"search_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"threshold" integer DEFAULT 0 NOT NULL,
	"window_minutes" integer DEFAULT 60 NOT NULL,
	"min_sample" integer DEFAULT 10 NOT NULL,
	"quiet_minutes" integer DEFAULT 60 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"in_app_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"slack_url_sealed" text,
	"teams_url_sealed" text,
	"slack_host" text,
	"teams_host" text,
	"last_fired_at" timestamp with time zone,
	"last_delivered_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_alert_rules_kind_ck" CHECK ("listening_alert_rules"."kind" in ('every_match', 'volume', 'negative_share'))
);
--> statement-breakpoint
CREATE TABLE "listening_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"search_id" uuid NOT NULL,
	"match_count" integer NOT NULL,
	"negative_percent" integer,
	"excerpts" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listening_cursors" (
	"org_id" uuid NOT NULL,
	"search_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"clause_key" text NOT NULL,
	"cursor" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_cursors_search_id_channel_id_clause_key_pk" PRIMARY KEY("search_id","channel_id","clause_key")
);
--> statement-breakpoint
CREATE TABLE "listening_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"search_id" uuid NOT NULL,
	"channel_id" uuid,
	"network" text NOT NULL,
	"item_id" text NOT NULL,
	"author_handle" text NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"url" text NOT NULL,
	"language" text,
	"sentiment" real NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_matches_item_uq" UNIQUE("search_id","network","item_id"),
	CONSTRAINT "listening_matches_sentiment_ck" CHECK ("listening_matches"."sentiment" >= -1 and "listening_matches"."sentiment" <= 1)
);
--> statement-breakpoint
CREATE TABLE "listening_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"language" text,
	"channel_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	CONSTRAINT "listening_searches_org_id_uq" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "listening_alert_rules" ADD CONSTRAINT "listening_alert_rules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_alert_rules" ADD CONSTRAINT "listening_alert_rules_search_id_listening_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."listening_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_alerts" ADD CONSTRAINT "listening_alerts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_alerts" ADD CONSTRAINT "listening_alerts_rule_id_listening_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."listening_alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_alerts" ADD CONSTRAINT "listening_alerts_search_id_listening_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."listening_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_cursors" ADD CONSTRAINT "listening_cursors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_cursors" ADD CONSTRAINT "listening_cursors_search_id_listening_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."listening_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_cursors" ADD CONSTRAINT "listening_cursors_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_matches" ADD CONSTRAINT "listening_matches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_matches" ADD CONSTRAINT "listening_matches_search_id_listening_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."listening_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_matches" ADD CONSTRAINT "listening_matches_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_searches" ADD CONSTRAINT "listening_searches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_searches" ADD CONSTRAINT "listening_searches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listening_alert_rules_search_idx" ON "listening_alert_rules" USING btree ("org_id","search_id");--> statement-breakpoint
CREATE INDEX "listening_alerts_rule_idx" ON "listening_alerts" USING btree ("org_id","rule_id","created_at");--> statement-breakpoint
CREATE INDEX "listening_matches_stream_idx" ON "listening_matches" USING btree ("org_id","search_id","posted_at","id");--> statement-breakpoint
CREATE INDEX "listening_searches_org_idx" ON "listening_searches" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "listening_searches_org_name_uq" ON "listening_searches" USING btree ("org_id",lower("name"));