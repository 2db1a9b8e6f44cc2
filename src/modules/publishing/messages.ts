import type { Catalogue } from '../../platform/http/messages.ts';

export const publishingMessages: Catalogue = {
  campaign_not_found: {
    title: { de: 'Kampagne nicht gefunden', en: 'Campaign not found' },
    detail: {
      de: 'Diese Kampagne gibt es nicht.',
      en: 'This campaign does not exist.',
    },
  },
  campaign_exists: {
    title: { de: 'Kampagne existiert', en: 'Campaign exists' },
    detail: {
      de: 'Es gibt schon eine Kampagne „{name}“.',
      en: 'A campaign "{name}" already exists.',
    },
  },
  channel_twice: {
    title: { de: 'Kanal doppelt', en: 'Channel twice' },
    detail: {
      de: 'Jeder Kanal kann nur einmal gewählt werden.',
      en: 'Each channel can be chosen only once.',
    },
  },
  post_not_found: {
    title: { de: 'Beitrag nicht gefunden', en: 'Post not found' },
    detail: {
      de: 'Diesen Beitrag gibt es nicht, oder Sie dürfen ihn nicht sehen.',
      en: 'This post does not exist, or you may not see it.',
    },
  },
  post_sending: {
    title: { de: 'Wird gerade gesendet', en: 'Being sent' },
    detail: {
      de: 'Der Beitrag wird gerade gesendet. Warten Sie einen Moment.',
      en: 'The post is being sent right now. Wait a moment.',
    },
  },
  target_published: {
    title: { de: 'Schon veröffentlicht', en: 'Already published' },
    detail: {
      de: 'Auf {channel} ist der Beitrag schon erschienen; dort lässt er sich nicht mehr ändern oder entfernen.',
      en: 'The post has already appeared on {channel}; it cannot be changed or removed there.',
    },
  },
  post_published: {
    title: { de: 'Schon veröffentlicht', en: 'Already published' },
    detail: {
      de: 'Ein veröffentlichter Beitrag kann nicht gelöscht werden.',
      en: 'A published post cannot be deleted.',
    },
  },
  post_not_draft: {
    title: { de: 'Kein Entwurf', en: 'Not a draft' },
    detail: {
      de: 'Nur ein Entwurf kann zur Freigabe eingereicht werden.',
      en: 'Only a draft can be sent for approval.',
    },
  },
  post_has_issues: {
    title: { de: 'Beitrag unvollständig', en: 'Post not ready' },
    detail: {
      de: 'Der Beitrag kann so nicht erscheinen ({count} Probleme). Beheben Sie die genannten Punkte.',
      en: 'The post cannot go out like this ({count} problems). Fix the points listed.',
    },
  },
  no_approval_needed: {
    title: { de: 'Keine Freigabe nötig', en: 'No approval needed' },
    detail: {
      de: 'Für diese Kanäle ist keine Freigabe vorgesehen. Sie können den Beitrag direkt planen.',
      en: 'No approval is set up for these channels. You can schedule the post directly.',
    },
  },
  post_not_in_review: {
    title: { de: 'Nicht in Freigabe', en: 'Not in review' },
    detail: {
      de: 'Der Beitrag wartet auf keine Freigabe.',
      en: 'The post is not waiting for approval.',
    },
  },
  post_changed: {
    title: { de: 'Beitrag geändert', en: 'Post changed' },
    detail: {
      de: 'Der Beitrag wurde inzwischen geändert (jetzt Version {version}). Lesen Sie ihn erneut, bevor Sie entscheiden.',
      en: 'The post has been changed meanwhile (now version {version}). Read it again before you decide.',
    },
  },
  self_approval_forbidden: {
    title: { de: 'Eigene Freigabe nicht erlaubt', en: 'Self-approval not allowed' },
    detail: {
      de: 'Dieser Workflow verlangt, dass jemand anderes als die Autorin oder der Autor freigibt.',
      en: 'This workflow requires someone other than the author to approve.',
    },
  },
  not_an_approver: {
    title: { de: 'Keine Freigabeberechtigung', en: 'Not an approver' },
    detail: {
      de: 'Ihre Rolle ist in keinem offenen Freigabeschritt dieses Beitrags vorgesehen.',
      en: 'Your role is not part of any open approval step of this post.',
    },
  },
  already_approved: {
    title: { de: 'Schon freigegeben', en: 'Already approved' },
    detail: {
      de: 'Sie haben diese Version bereits freigegeben.',
      en: 'You have already approved this version.',
    },
  },
  posting_rights_missing: {
    title: { de: 'Keine Veröffentlichungsrechte', en: 'No posting rights' },
    detail: {
      de: 'Ihnen fehlt noch: {missing}. Danach dürfen Sie veröffentlichen.',
      en: 'You still need: {missing}. Then you may publish.',
    },
  },
  guideline_blocked: {
    title: { de: 'Richtlinien verletzt', en: 'Guidelines broken' },
    detail: {
      de: 'Der Text verstößt gegen die Richtlinien ({count} Funde). Ändern Sie ihn, oder begründen Sie eine Ausnahme, wenn Sie das dürfen.',
      en: 'The text breaks the guidelines ({count} findings). Change it, or give a reason for an exception if you may.',
    },
  },
  guideline_warning: {
    title: { de: 'Richtlinien-Warnung', en: 'Guideline warning' },
    detail: {
      de: 'Die Richtlinien warnen vor diesem Text ({count} Funde). Prüfen Sie ihn, oder begründen Sie, warum er so erscheinen soll.',
      en: 'The guidelines warn about this text ({count} findings). Check it, or give a reason why it should go out as it is.',
    },
  },
  schedule_time_missing: {
    title: { de: 'Zeitpunkt fehlt', en: 'Time missing' },
    detail: {
      de: 'Geben Sie an, wann der Beitrag erscheinen soll.',
      en: 'Say when the post should go out.',
    },
  },
  schedule_in_past: {
    title: { de: 'Zeitpunkt vergangen', en: 'Time in the past' },
    detail: {
      de: 'Dieser Zeitpunkt liegt in der Vergangenheit. Wählen Sie einen späteren oder „jetzt“.',
      en: 'This time is in the past. Choose a later one or "now".',
    },
  },
  schedule_too_far: {
    title: { de: 'Zu weit in der Zukunft', en: 'Too far ahead' },
    detail: {
      de: 'Beiträge lassen sich höchstens zwei Jahre im Voraus planen.',
      en: 'Posts can be scheduled at most two years ahead.',
    },
  },
  nothing_to_schedule: {
    title: { de: 'Nichts zu planen', en: 'Nothing to schedule' },
    detail: {
      de: 'Der Beitrag ist auf allen Kanälen schon geplant oder erschienen.',
      en: 'The post is already scheduled or published on all its channels.',
    },
  },
  may_not_publish: {
    title: { de: 'Kein Zugriff auf den Kanal', en: 'No access to the channel' },
    detail: {
      de: 'Sie dürfen auf {channel} nicht veröffentlichen. Bitten Sie jemanden aus dem Team des Kanals.',
      en: "You may not publish on {channel}. Ask someone from the channel's team.",
    },
  },
  channel_needs_reauth: {
    title: { de: 'Kanal neu verbinden', en: 'Reconnect the channel' },
    detail: {
      de: 'Das Netzwerk nimmt die Zugangsdaten von {channel} nicht mehr an. Erneuern Sie sie in den Kanaleinstellungen.',
      en: 'The network no longer accepts the credentials of {channel}. Renew them in the channel settings.',
    },
  },
  approval_required: {
    title: { de: 'Freigabe fehlt', en: 'Approval missing' },
    detail: {
      de: 'Der Beitrag braucht erst die Freigabe seines Workflows, bevor er geplant oder veröffentlicht wird.',
      en: "The post needs its workflow's approval before it can be scheduled or published.",
    },
  },
  no_free_slot: {
    title: { de: 'Kein freier Termin', en: 'No free slot' },
    detail: {
      de: '{channel} hat in den nächsten acht Wochen keinen freien Termin im Redaktionsplan. Wählen Sie eine Zeit.',
      en: '{channel} has no free slot in its posting plan in the next eight weeks. Choose a time.',
    },
  },
  nothing_scheduled: {
    title: { de: 'Nichts geplant', en: 'Nothing scheduled' },
    detail: {
      de: 'Der Beitrag ist auf keinem Kanal geplant.',
      en: 'The post is not scheduled on any channel.',
    },
  },
  target_not_scheduled: {
    title: { de: 'Nicht geplant', en: 'Not scheduled' },
    detail: {
      de: 'Nur ein geplanter Beitrag lässt sich verschieben.',
      en: 'Only a scheduled post can be moved.',
    },
  },
  target_not_undecided: {
    title: { de: 'Keine Entscheidung offen', en: 'No decision pending' },
    detail: {
      de: 'Für diesen Kanal ist keine Entscheidung offen.',
      en: 'No decision is pending for this channel.',
    },
  },
  post_not_published: {
    title: { de: 'Nicht veröffentlicht', en: 'Not published' },
    detail: {
      de: 'Der Beitrag ist noch nirgends erschienen; es gibt noch keine Zahlen.',
      en: 'The post has not appeared anywhere yet; there are no figures.',
    },
  },
  media_type_unsupported: {
    title: { de: 'Dateityp nicht unterstützt', en: 'File type not supported' },
    detail: {
      de: '{file} ist kein Bild im Format PNG, JPEG, GIF oder WebP.',
      en: '{file} is not a PNG, JPEG, GIF or WebP image.',
    },
  },
  media_too_large: {
    title: { de: 'Bild zu groß', en: 'Image too large' },
    detail: {
      de: '{file} ist größer als {maxMb} MB.',
      en: '{file} is larger than {maxMb} MB.',
    },
  },
  alt_text_required: {
    title: { de: 'Alternativtext fehlt', en: 'Alt text missing' },
    detail: {
      de: 'Beschreiben Sie das Bild für Menschen, die es nicht sehen können.',
      en: 'Describe the image for people who cannot see it.',
    },
  },
  too_many_media: {
    title: { de: 'Zu viele Bilder', en: 'Too many images' },
    detail: {
      de: 'Ein Beitrag kann höchstens {max} Bilder haben.',
      en: 'A post can have at most {max} images.',
    },
  },
  media_not_found: {
    title: { de: 'Bild nicht gefunden', en: 'Image not found' },
    detail: {
      de: 'Dieses Bild gibt es nicht.',
      en: 'This image does not exist.',
    },
  },
  media_file_missing: {
    title: { de: 'Datei fehlt', en: 'File missing' },
    detail: {
      de: 'Wählen Sie eine Bilddatei aus.',
      en: 'Choose an image file.',
    },
  },
  multipart_required: {
    title: { de: 'Datei erwartet', en: 'File expected' },
    detail: {
      de: 'Senden Sie das Bild als multipart/form-data mit den Feldern file und altText.',
      en: 'Send the image as multipart/form-data with the fields file and altText.',
    },
  },
  mention_unknown: {
    title: { de: 'Unbekannte Person', en: 'Unknown person' },
    detail: {
      de: 'Eine erwähnte Person gehört nicht zu Ihrer Organisation.',
      en: 'A person mentioned does not belong to your organisation.',
    },
  },
  range_invalid: {
    title: { de: 'Zeitraum ungültig', en: 'Invalid range' },
    detail: {
      de: 'Das Ende des Zeitraums muss nach dem Anfang liegen.',
      en: 'The end of the range must be after its start.',
    },
  },
  range_too_long: {
    title: { de: 'Zeitraum zu lang', en: 'Range too long' },
    detail: {
      de: 'Der Kalender zeigt höchstens {days} Tage auf einmal.',
      en: 'The calendar shows at most {days} days at once.',
    },
  },
  workflow_scope_taken: {
    title: { de: 'Workflow existiert', en: 'Workflow exists' },
    detail: {
      de: 'Für diese Abteilung und diesen Kanal gibt es schon einen Workflow. Ändern Sie den bestehenden.',
      en: 'There is already a workflow for this department and channel. Change the existing one.',
    },
  },
  workflow_not_found: {
    title: { de: 'Workflow nicht gefunden', en: 'Workflow not found' },
    detail: {
      de: 'Diesen Workflow gibt es nicht.',
      en: 'This workflow does not exist.',
    },
  },
  issue_no_channel: {
    title: { de: 'Kein Kanal', en: 'No channel' },
    detail: {
      de: 'Wählen Sie mindestens einen Kanal.',
      en: 'Choose at least one channel.',
    },
  },
  issue_alt_text_missing: {
    title: { de: 'Alternativtext fehlt', en: 'Alt text missing' },
    detail: {
      de: '{file} braucht einen Alternativtext.',
      en: '{file} needs alt text.',
    },
  },
  issue_channel_removed: {
    title: { de: 'Kanal entfernt', en: 'Channel removed' },
    detail: {
      de: '{channel} wurde entfernt. Nehmen Sie den Kanal aus dem Beitrag.',
      en: '{channel} was removed. Take the channel off the post.',
    },
  },
  issue_empty: {
    title: { de: 'Kein Text', en: 'No text' },
    detail: {
      de: 'Für {channel} ist der Beitrag leer.',
      en: 'The post is empty for {channel}.',
    },
  },
  issue_too_long: {
    title: { de: 'Text zu lang', en: 'Text too long' },
    detail: {
      de: 'Für {channel} ist der Text zu lang: {used} von höchstens {max} Zeichen.',
      en: 'The text is too long for {channel}: {used} of at most {max} characters.',
    },
  },
  issue_too_many_bytes: {
    title: { de: 'Text zu lang', en: 'Text too long' },
    detail: {
      de: 'Für {channel} ist der Text zu lang: {used} von höchstens {max} Bytes.',
      en: 'The text is too long for {channel}: {used} of at most {max} bytes.',
    },
  },
  issue_too_many_media: {
    title: { de: 'Zu viele Bilder', en: 'Too many images' },
    detail: {
      de: '{channel} nimmt höchstens {max} Bilder.',
      en: '{channel} takes at most {max} images.',
    },
  },
  issue_media_type: {
    title: { de: 'Bildformat', en: 'Image format' },
    detail: {
      de: '{channel} nimmt {file} ({type}) nicht an.',
      en: '{channel} does not take {file} ({type}).',
    },
  },
  issue_media_too_large: {
    title: { de: 'Bild zu groß', en: 'Image too large' },
    detail: {
      de: '{file} ist für {channel} zu groß (höchstens {maxKb} KB).',
      en: '{file} is too large for {channel} (at most {maxKb} KB).',
    },
  },
  issue_alt_text_too_long: {
    title: { de: 'Alternativtext zu lang', en: 'Alt text too long' },
    detail: {
      de: 'Der Alternativtext von {file} ist für {channel} zu lang (höchstens {max} Zeichen).',
      en: 'The alt text of {file} is too long for {channel} (at most {max} characters).',
    },
  },
};
