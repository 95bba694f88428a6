# Digests after a reporting deadline (through the outbox, the day after the last deadline)

digest-commune-title = Cells that have not reported
digest-commune = { $commune }: { $count }/{ $cells } { $cells ->
    [one] cell has
   *[other] cells have
} not sent the { $form } report for { $period } (deadline { $due }): { $missing }.
digest-commune-followed = Of the { $cells ->
    [one] cell
   *[other] { $cells } cells
} you follow in { $commune }, { $count } { $count ->
    [one] has
   *[other] have
} not sent the { $form } report for { $period } (deadline { $due }): { $missing }.
digest-province-title = Reports by commune
digest-province = { $province }: { $count }/{ $cells } { $cells ->
    [one] cell has
   *[other] cells have
} not sent the { $form } report for { $period } (deadline { $due }).
digest-province-line = • { $commune }: { $count }/{ $cells } not sent
digest-province-line-done = • { $commune }: all { $cells } sent
digest-see-more = Details: /summary
digest-chart-caption = Reporting status
digest-chart-fallback = (Chart: type /summary to see it.)
